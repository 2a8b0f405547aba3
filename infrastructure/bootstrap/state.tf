data "aws_caller_identity" "current" {}

# The bucket holds the main stack's state. Locking uses S3 itself (use_lockfile), so no
# DynamoDB table is needed. Only the account's own IAM principals may reach it.
module "state_bucket" {
  #checkov:skip=CKV_AWS_18:Only Terraform touches it; CloudTrail records that.
  #checkov:skip=CKV_AWS_144:Small and versioned; a lost region is a rebuild.
  #checkov:skip=CKV2_AWS_62:Nothing reacts to state changes.
  source = "../modules/private-bucket"

  name = "${var.name}-terraform-state-${data.aws_caller_identity.current.account_id}"
  # The AWS managed key: encryption at rest without a key to pay for or administer.
  sse_algorithm                      = "aws:kms"
  lifecycle_rule_id                  = "expire-old-state-versions"
  noncurrent_version_expiration_days = 90
}
