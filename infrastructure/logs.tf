# Log groups are created here, not by the services writing to them, so that each has a
# retention and is encrypted with the key.
locals {
  log_groups = {
    service            = "/ecs/${var.name}"
    postgresql         = "/aws/rds/instance/${var.name}/postgresql"
    upgrade            = "/aws/rds/instance/${var.name}/upgrade"
    container_insights = "/aws/ecs/containerinsights/${local.cluster_name}/performance"
  }
}

resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_338:Request logs hold client addresses; 90 days.
  for_each = local.log_groups

  name              = each.value
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.this.arn
}

# One bucket for the load balancer's access logs and the VPC flow logs. Both services can
# only write to S3-managed encryption, hence no KMS key here.
locals {
  # Named here, not read back from the module's outputs: the delivery policy below is an
  # input of the module, and checkov cannot follow an output back into an input (it then
  # leaves the bucket's encryption unchecked).
  log_bucket_name = "${var.name}-logs-${local.account_id}"
  log_bucket_arn  = "arn:${local.partition}:s3:::${local.log_bucket_name}"

  # Where each service writes (load_balancer.tf, network.tf), and may write.
  alb_access_logs_prefix = "alb"
  flow_logs_prefix       = "vpc-flow-logs"
}

module "log_bucket" {
  #checkov:skip=CKV_AWS_18:This is the log bucket.
  #checkov:skip=CKV_AWS_144:Logs kept 90 days; a second region is not worth it.
  #checkov:skip=CKV_AWS_145:ALB access logs support only SSE-S3.
  #checkov:skip=CKV2_AWS_62:Nothing processes logs as they arrive.
  source = "./modules/private-bucket"

  name                               = local.log_bucket_name
  sse_algorithm                      = "AES256"
  lifecycle_rule_id                  = "expire-logs"
  expiration_days                    = var.log_retention_days
  noncurrent_version_expiration_days = 7
  policy_documents                   = [data.aws_iam_policy_document.log_delivery.json]
}

# Regions older than August 2022 deliver load balancer logs from a regional ELB account;
# newer ones from the log delivery service. Allowing both keeps the region a variable.
data "aws_elb_service_account" "this" {}

data "aws_iam_policy_document" "log_delivery" {
  statement {
    sid     = "LoadBalancerAccessLogs"
    actions = ["s3:PutObject"]
    resources = [
      "${local.log_bucket_arn}/${local.alb_access_logs_prefix}/AWSLogs/${local.account_id}/*",
    ]

    principals {
      type        = "AWS"
      identifiers = [data.aws_elb_service_account.this.arn]
    }

    principals {
      type        = "Service"
      identifiers = ["logdelivery.elasticloadbalancing.amazonaws.com"]
    }
  }

  statement {
    sid     = "FlowLogsWrite"
    actions = ["s3:PutObject"]
    resources = [
      "${local.log_bucket_arn}/${local.flow_logs_prefix}/AWSLogs/${local.account_id}/*",
    ]

    principals {
      type        = "Service"
      identifiers = ["delivery.logs.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }

  statement {
    sid       = "FlowLogsCheckBucket"
    actions   = ["s3:GetBucketAcl"]
    resources = [local.log_bucket_arn]

    principals {
      type        = "Service"
      identifiers = ["delivery.logs.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}
