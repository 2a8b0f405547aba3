# The application's secrets. Terraform creates each secret empty and never sees a value:
# the operator puts them in with the AWS CLI (see the README), so they stay out of
# variables, plans and state. The database password is RDS's own secret (database.tf).
locals {
  app_secrets = {
    secret-key     = "Key that signs tokens and encrypts session cookies: base64 of at least 32 random bytes"
    postmark-token = "Postmark server token for sending the application's emails"
    sentry-dsn     = "DSN of the Sentry project the server reports errors to"
  }
}

resource "aws_secretsmanager_secret" "this" {
  #checkov:skip=CKV2_AWS_57:Rotated at the source or on purpose (README).
  for_each = local.app_secrets

  name                    = "${var.name}/${each.key}"
  description             = each.value
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = 7
}
