output "url" {
  description = "Where the application answers."
  value       = "https://${var.domain_name}"
}

output "load_balancer_dns_name" {
  description = "The load balancer's own name, for checks before DNS has propagated."
  value       = aws_lb.this.dns_name
}

output "aws_region" {
  description = "Region of the deployment (the AWS_REGION repository variable for continuous deployment)."
  value       = var.aws_region
}

output "deploy_role_arn" {
  description = "Role the deploy workflow assumes through OIDC (the AWS_DEPLOY_ROLE_ARN repository variable)."
  value       = aws_iam_role.deploy.arn
}

output "ecr_repository_url" {
  description = "Where the deploy workflow pushes images."
  value       = data.aws_ecr_repository.this.repository_url
}

output "ecs_cluster_name" {
  description = "Cluster the service runs in."
  value       = aws_ecs_cluster.this.name
}

output "ecs_service_name" {
  description = "Service the deploy workflow updates."
  value       = aws_ecs_service.this.name
}

output "task_definition_family" {
  description = "Family whose latest revision the deploy workflow copies, swapping in the new image digest."
  value       = aws_ecs_task_definition.this.family
}

output "container_name" {
  description = "Name of the application's container in the task definition."
  value       = local.container_name
}

output "secret_ids" {
  description = "Secrets whose values the operator puts in with `aws secretsmanager put-secret-value`."
  value       = { for key, secret in aws_secretsmanager_secret.this : key => secret.name }
}

output "database_address" {
  description = "Host name of the database (reachable only from the tasks)."
  value       = aws_db_instance.this.address
}

output "database_master_secret_arn" {
  description = "Secret that RDS keeps the database's master credentials in."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "service_log_group" {
  description = "CloudWatch log group of the application's logs."
  value       = aws_cloudwatch_log_group.this["service"].name
}

output "alarm_topic_arn" {
  description = "SNS topic the alarms publish to; subscribe more endpoints here."
  value       = aws_sns_topic.this.arn
}

output "github_repository_variables" {
  description = "Repository variables the CD workflow reads (.github/workflows/cd.yml); none is secret."
  value = {
    AWS_DEPLOY_ROLE_ARN = aws_iam_role.deploy.arn
    AWS_REGION          = var.aws_region
    ECR_REPOSITORY_URL  = data.aws_ecr_repository.this.repository_url
    ECS_CLUSTER         = aws_ecs_cluster.this.name
    ECS_SERVICE         = aws_ecs_service.this.name
    ECS_TASK_FAMILY     = aws_ecs_task_definition.this.family
    ECS_CONTAINER       = local.container_name
  }
}

output "restart_state_machine_arn" {
  description = "State machine that restarts the tasks after RDS rotates their database password."
  value       = aws_sfn_state_machine.this.arn
}
