# The log bucket's resources moved into modules/private-bucket. These blocks let an
# existing state follow them instead of destroying the bucket and creating it again; keep
# them until every copy of this stack's state has been applied past the move.

moved {
  from = aws_s3_bucket.this
  to   = module.log_bucket.aws_s3_bucket.this
}

moved {
  from = aws_s3_bucket_versioning.this
  to   = module.log_bucket.aws_s3_bucket_versioning.this
}

moved {
  from = aws_s3_bucket_server_side_encryption_configuration.this
  to   = module.log_bucket.aws_s3_bucket_server_side_encryption_configuration.this
}

moved {
  from = aws_s3_bucket_public_access_block.this
  to   = module.log_bucket.aws_s3_bucket_public_access_block.this
}

moved {
  from = aws_s3_bucket_ownership_controls.this
  to   = module.log_bucket.aws_s3_bucket_ownership_controls.this
}

moved {
  from = aws_s3_bucket_lifecycle_configuration.this
  to   = module.log_bucket.aws_s3_bucket_lifecycle_configuration.this
}

moved {
  from = aws_s3_bucket_policy.this
  to   = module.log_bucket.aws_s3_bucket_policy.this
}
