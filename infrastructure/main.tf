# Facts about the account and the pieces the bootstrap stack created before this one.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_availability_zones" "available" {
  #checkov:skip=CKV_AWS_394:The first zones by name are used; new ones sort after.
  state = "available"

  # Regular zones only: Local Zones lack Fargate and RDS.
  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

data "aws_ecr_repository" "this" {
  name = var.name
}

data "aws_route53_zone" "this" {
  name         = var.domain_name
  private_zone = false
}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  availability_zones = slice(
    data.aws_availability_zones.available.names, 0, var.availability_zone_count,
  )

  cluster_name = var.environment
  service_arn = join(":", [
    "arn", local.partition, "ecs", var.aws_region, local.account_id,
    "service/${local.cluster_name}/${var.name}",
  ])
  task_definition_revisions = join(":", [
    "arn", local.partition, "ecs", var.aws_region, local.account_id,
    "task-definition/${var.name}", "*",
  ])
}
