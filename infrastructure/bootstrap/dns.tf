# The zone exists before the main stack because the registrar must delegate to its name
# servers before ACM can validate the certificate through DNS.
resource "aws_route53_zone" "this" {
  #checkov:skip=CKV2_AWS_38:Needs a us-east-1 key and a registrar DS (README).
  #checkov:skip=CKV2_AWS_39:Needs a us-east-1 log group; nothing reads it.
  name    = var.domain_name
  comment = "Public zone for ${var.name}"

  lifecycle {
    prevent_destroy = true
  }
}
