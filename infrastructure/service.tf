# The container's contract with the server (crates/tozo-server): port, user, settings and
# secrets. infrastructure/tests checks these against the server's configuration.
locals {
  container_name = var.name
  container_port = 8080
  # nobody:nogroup, as in the image; the root filesystem is read-only and /tmp is a volume.
  container_user = "65534"
  # The image has no shell: the health check runs the binary itself.
  container_health_check = ["CMD", "/bin/tozo", "healthcheck"]

  # The server's keep-alive, stated here so that the load balancer's idle timeout can be
  # kept below it (load_balancer.tf).
  server_keep_alive_seconds = 75

  database_url = format(
    "postgres://%s@%s:%d/%s?sslmode=require",
    aws_db_instance.this.username,
    aws_db_instance.this.address,
    aws_db_instance.this.port,
    aws_db_instance.this.db_name,
  )

  container_environment = {
    TOZO_ENVIRONMENT        = var.environment
    TOZO_ADDRESS            = "0.0.0.0"
    TOZO_PORT               = tostring(local.container_port)
    TOZO_BASE_URL           = "https://${var.domain_name}"
    TOZO_DATABASE_URL       = local.database_url
    TOZO_TRUSTED_PROXY_HOPS = "1"
    TOZO_EMAIL_FROM         = var.email_from
    TOZO_LOG_FORMAT         = "json"
    TOZO_KEEP_ALIVE         = tostring(local.server_keep_alive_seconds)
    # Five per task keeps even a deploy at the maximum count (twice service_max_count tasks
    # at once) under the smallest instance's connection limit.
    TOZO_DATABASE_POOL_SIZE = "5"
  }

  container_optional_environment = var.frontend_sentry_dsn == null ? {} : {
    TOZO_FRONTEND_SENTRY_DSN = var.frontend_sentry_dsn
  }

  container_secrets = {
    TOZO_SECRET_KEY     = aws_secretsmanager_secret.this["secret-key"].arn
    TOZO_POSTMARK_TOKEN = aws_secretsmanager_secret.this["postmark-token"].arn
    SENTRY_DSN          = aws_secretsmanager_secret.this["sentry-dsn"].arn
    # The password key of the JSON secret that RDS keeps for the master user.
    TOZO_DATABASE_PASSWORD = "${aws_db_instance.this.master_user_secret[0].secret_arn}:password::"
  }
}

resource "aws_ecs_cluster" "this" {
  name = local.cluster_name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  # Container Insights writes to its log group, which must exist first to get a retention.
  depends_on = [aws_cloudwatch_log_group.this]
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.task_cpu
  memory                   = var.task_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  # Revisions registered by deploys are not Terraform's; old ones stay registered so that a
  # rollback can run them.
  skip_destroy = true

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([
    {
      name      = local.container_name
      image     = "${data.aws_ecr_repository.this.repository_url}@${var.container_image_digest}"
      essential = true
      user      = local.container_user

      readonlyRootFilesystem = true
      mountPoints = [
        { sourceVolume = "tmp", containerPath = "/tmp", readOnly = false },
      ]

      portMappings = [
        { name = "http", containerPort = local.container_port, protocol = "tcp" },
      ]

      environment = [
        for name, value in merge(
          local.container_environment,
          local.container_optional_environment,
        ) : { name = name, value = value }
      ]
      secrets = [
        for name, arn in local.container_secrets : { name = name, valueFrom = arn }
      ]

      healthCheck = {
        command     = local.container_health_check
        interval    = 30
        timeout     = 5
        retries     = 3
        startPeriod = 60
      }

      # SIGTERM drains in-flight requests; this is how long ECS waits before SIGKILL.
      stopTimeout = 30

      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.this["service"].name
          awslogs-region        = var.aws_region
          awslogs-stream-prefix = var.name
          # A slow log pipeline must never block the server.
          mode            = "non-blocking"
          max-buffer-size = "25m"
        }
      }
    },
  ])
}

resource "aws_ecs_service" "this" {
  #checkov:skip=CKV_AWS_333:Public addresses instead of NAT (README).
  name             = var.name
  cluster          = aws_ecs_cluster.this.arn
  task_definition  = aws_ecs_task_definition.this.arn
  desired_count    = var.service_min_count
  launch_type      = "FARGATE"
  platform_version = "LATEST"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 60
  availability_zone_rebalancing      = "ENABLED"
  propagate_tags                     = "SERVICE"
  enable_ecs_managed_tags            = true

  # A deploy whose tasks never become healthy is rolled back to the last one that did...
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  # ...and so is one whose tasks are healthy but answer with errors.
  alarms {
    enable      = true
    rollback    = true
    alarm_names = [aws_cloudwatch_metric_alarm.alb_5xx_rate.alarm_name]
  }

  network_configuration {
    subnets          = aws_subnet.public[*].id
    security_groups  = [aws_security_group.service.id]
    assign_public_ip = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.this.arn
    container_name   = local.container_name
    container_port   = local.container_port
  }

  lifecycle {
    # Continuous deployment registers new revisions and autoscaling sets the count; Terraform
    # would otherwise undo both on every apply.
    ignore_changes = [task_definition, desired_count]
  }

  # The roles' policies must outlive the service, or deleting it hangs in DRAINING.
  depends_on = [
    aws_lb_listener.https,
    aws_iam_role_policy.execution,
  ]
}

resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.this.name}"
  min_capacity       = var.service_min_count
  max_capacity       = var.service_max_count
}

resource "aws_appautoscaling_policy" "this" {
  name               = "${var.name}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  resource_id        = aws_appautoscaling_target.this.resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target_percent
    scale_out_cooldown = 60
    scale_in_cooldown  = 300

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
