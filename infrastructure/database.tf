resource "aws_db_subnet_group" "this" {
  name        = var.name
  description = "Private subnets of ${var.name}: no route to or from the internet"
  subnet_ids  = aws_subnet.private[*].id
}

resource "aws_db_parameter_group" "this" {
  name_prefix = "${var.name}-postgres${var.database_engine_version}-"
  family      = "postgres${var.database_engine_version}"
  description = "PostgreSQL settings for ${var.name}"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  # Schema changes (migrations) and statements slower than a second are logged...
  parameter {
    name  = "log_statement"
    value = "ddl"
  }

  parameter {
    name  = "log_min_duration_statement"
    value = "1000"
  }

  # ...but never the values bound to them: those are members' emails and tasks.
  parameter {
    name  = "log_parameter_max_length"
    value = "0"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "this" {
  #checkov:skip=CKV_AWS_118:Per-second OS metrics are not needed at this size.
  #checkov:skip=CKV_AWS_157:A standby doubles the cost; database_multi_az turns it on.
  #checkov:skip=CKV_AWS_161:The app signs in with the managed password.
  #checkov:skip=CKV_AWS_353:Not needed at this size; slow statements are logged.
  identifier     = var.name
  engine         = "postgres"
  engine_version = var.database_engine_version
  instance_class = var.database_instance_class
  # No paid extended support: an end-of-life major version is upgraded, not kept on.
  engine_lifecycle_support = "open-source-rds-extended-support-disabled"

  db_name  = "tozo"
  username = "tozo"
  # RDS generates the password and keeps it in Secrets Manager: it never passes through
  # Terraform's variables or state. The task reads it from there.
  manage_master_user_password   = true
  master_user_secret_kms_key_id = aws_kms_key.this.arn

  allocated_storage     = var.database_allocated_storage
  max_allocated_storage = var.database_max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = aws_kms_key.this.arn

  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.database.id]
  publicly_accessible    = false
  multi_az               = var.database_multi_az
  parameter_group_name   = aws_db_parameter_group.this.name
  ca_cert_identifier     = "rds-ca-rsa2048-g1"

  backup_retention_period   = 7
  backup_window             = "02:00-03:00"
  maintenance_window        = "sun:03:30-sun:04:30"
  copy_tags_to_snapshot     = true
  delete_automated_backups  = false
  deletion_protection       = true
  skip_final_snapshot       = false
  final_snapshot_identifier = "${var.name}-final"

  auto_minor_version_upgrade  = true
  allow_major_version_upgrade = false

  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]

  # The log groups must exist first, or RDS creates them without retention or encryption.
  depends_on = [aws_cloudwatch_log_group.this]
}
