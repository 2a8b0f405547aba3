# RDS rotates the master password it manages (every seven days by default), but a task reads
# TOZO_DATABASE_PASSWORD only when it starts: without a restart, new database connections
# would fail from the first rotation on. When Secrets Manager reports a successful rotation
# of that secret, a state machine forces a new deployment, whose tasks read the new password.
# Connections already open keep working meanwhile.

resource "aws_cloudwatch_event_rule" "this" {
  name        = "${var.name}-database-password-rotated"
  description = "The database master password of ${var.name} was rotated"

  event_pattern = jsonencode({
    source      = ["aws.secretsmanager"]
    detail-type = ["AWS Service Event via CloudTrail"]
    detail = {
      eventSource = ["secretsmanager.amazonaws.com"]
      eventName   = ["RotationSucceeded"]
      additionalEventData = {
        SecretId = [aws_db_instance.this.master_user_secret[0].secret_arn]
      }
    }
  })
}

resource "aws_cloudwatch_event_target" "this" {
  rule     = aws_cloudwatch_event_rule.this.name
  arn      = aws_sfn_state_machine.this.arn
  role_arn = aws_iam_role.events.arn
}

resource "aws_sfn_state_machine" "this" {
  #checkov:skip=CKV_AWS_284:Runs weekly; its execution history is enough.
  #checkov:skip=CKV_AWS_285:Standard workflows keep history; failures alarm.
  name     = "${var.name}-restart-after-rotation"
  type     = "STANDARD"
  role_arn = aws_iam_role.restart.arn

  definition = jsonencode({
    Comment = "Restart ${var.name}'s tasks so that they read the rotated database password"
    StartAt = "LetTheNewPasswordSettle"
    States = {
      LetTheNewPasswordSettle = {
        Type    = "Wait"
        Seconds = 30
        Next    = "ForceNewDeployment"
      }
      ForceNewDeployment = {
        Type     = "Task"
        Resource = "arn:${local.partition}:states:::aws-sdk:ecs:updateService"
        Parameters = {
          Cluster            = aws_ecs_cluster.this.name
          Service            = aws_ecs_service.this.name
          ForceNewDeployment = true
        }
        Retry = [
          {
            ErrorEquals     = ["States.ALL"]
            IntervalSeconds = 30
            MaxAttempts     = 3
            BackoffRate     = 2
          },
        ]
        End = true
      }
    }
  })
}

resource "aws_iam_role" "events" {
  name               = "${var.name}-rotation-events"
  description        = "Lets EventBridge start ${var.name}'s restart-after-rotation state machine"
  assume_role_policy = data.aws_iam_policy_document.service_trust["events"].json
}

data "aws_iam_policy_document" "events" {
  statement {
    actions   = ["states:StartExecution"]
    resources = [aws_sfn_state_machine.this.arn]
  }
}

resource "aws_iam_role_policy" "events" {
  name   = "start-restart"
  role   = aws_iam_role.events.id
  policy = data.aws_iam_policy_document.events.json
}

resource "aws_iam_role" "restart" {
  name               = "${var.name}-restart-after-rotation"
  description        = "Lets the restart-after-rotation state machine redeploy ${var.name}'s service"
  assume_role_policy = data.aws_iam_policy_document.service_trust["states"].json
}

data "aws_iam_policy_document" "restart" {
  statement {
    actions   = ["ecs:UpdateService"]
    resources = [local.service_arn]
  }
}

resource "aws_iam_role_policy" "restart" {
  name   = "redeploy-service"
  role   = aws_iam_role.restart.id
  policy = data.aws_iam_policy_document.restart.json
}
