# Records Postmark asks for before it sends as the domain: DKIM signs the mail, and the
# Return-Path host takes bounces so that SPF aligns without an SPF record of our own.

locals {
  # A TXT string holds at most 255 characters; longer keys are split into several strings of
  # one record, which resolvers join again.
  postmark_dkim_strings = [
    for offset in range(0, length(var.postmark_dkim_value), 255) :
    substr(var.postmark_dkim_value, offset, 255)
  ]
}

resource "aws_route53_record" "postmark_dkim" {
  zone_id = data.aws_route53_zone.this.zone_id
  name    = "${var.postmark_dkim_selector}.${var.domain_name}"
  type    = "TXT"
  ttl     = 3600
  records = [join("\"\"", local.postmark_dkim_strings)]
}

resource "aws_route53_record" "postmark_return_path" {
  zone_id = data.aws_route53_zone.this.zone_id
  name    = "${var.postmark_return_path_host}.${var.domain_name}"
  type    = "CNAME"
  ttl     = 3600
  records = [var.postmark_return_path_target]
}
