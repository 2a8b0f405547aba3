# Four roles, each allowed only what its job needs:
# - execution: ECS itself, starting a task (pull the image, read the secrets, write logs);
# - task: the running server, which calls no AWS API, so it has no permissions at all;
# - deploy: GitHub Actions on this repository's main branch (push an image, roll it out);
# - restart: the state machine that restarts the tasks after RDS rotates their password.

# Who may assume each role that an AWS service takes on for this stack, by the service's
# name: ECS for the tasks, EventBridge and Step Functions for the restart after rotation
# (rotation.tf). Only on this account's behalf, so another account cannot use the service
# to act with these roles.
data "aws_iam_policy_document" "service_trust" {
  for_each = toset(["ecs-tasks", "events", "states"])

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["${each.key}.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "${var.name}-execution"
  description        = "Lets ECS start ${var.name}'s tasks: pull the image, read its secrets, write its logs"
  assume_role_policy = data.aws_iam_policy_document.service_trust["ecs-tasks"].json
}

data "aws_iam_policy_document" "execution" {
  # The login token has no resource to narrow to; it reaches only what the role may pull.
  statement {
    sid       = "RegistryLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PullTheImage"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
    ]
    resources = [data.aws_ecr_repository.this.arn]
  }

  statement {
    sid       = "WriteTheServiceLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this["service"].arn}:log-stream:*"]
  }

  statement {
    sid       = "ReadTheSecrets"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = local.task_secret_arns
  }

  statement {
    sid       = "DecryptTheSecrets"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.this.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.${var.aws_region}.amazonaws.com"]
    }
  }
}

locals {
  task_secret_arns = concat(
    [for secret in aws_secretsmanager_secret.this : secret.arn],
    [aws_db_instance.this.master_user_secret[0].secret_arn],
  )
}

resource "aws_iam_role_policy" "execution" {
  name   = "start-tasks"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

resource "aws_iam_role" "task" {
  name               = "${var.name}-task"
  description        = "Identity of ${var.name}'s running tasks; the server calls no AWS API, so it holds no permissions"
  assume_role_policy = data.aws_iam_policy_document.service_trust["ecs-tasks"].json
}

# Continuous deployment: short-lived credentials from GitHub's OIDC tokens, for the main
# branch of one repository only.

resource "aws_iam_openid_connect_provider" "this" {
  count = var.github_oidc_provider_arn == null ? 1 : 0

  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

locals {
  github_oidc_provider_arn = coalesce(
    var.github_oidc_provider_arn,
    one(aws_iam_openid_connect_provider.this[*].arn),
  )
}

data "aws_iam_policy_document" "deploy_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.github_oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    # Exactly this repository's main branch: no other branch, tag, pull request or
    # environment can take the role.
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${var.github_repository}:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name                 = "${var.name}-deploy"
  description          = "Assumed by GitHub Actions on ${var.github_repository}'s main branch to push and roll out images"
  assume_role_policy   = data.aws_iam_policy_document.deploy_trust.json
  max_session_duration = 3600
}

data "aws_iam_policy_document" "deploy" {
  # The login token has no resource to narrow to; it reaches only what the role may push to.
  statement {
    sid       = "RegistryLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushToThisRepository"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:DescribeImages",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = [data.aws_ecr_repository.this.arn]
  }

  # These two actions accept no resource narrower than "*".
  statement {
    sid       = "RegisterTaskDefinitions"
    actions   = ["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  # The deploy copies the latest revision, tags included, into the next one.
  statement {
    sid       = "ReadRevisionTags"
    actions   = ["ecs:ListTagsForResource"]
    resources = [local.task_definition_revisions]
  }

  # Only for tags set in the same call that registers a revision of this family.
  statement {
    sid       = "TagNewRevisions"
    actions   = ["ecs:TagResource"]
    resources = [local.task_definition_revisions]

    condition {
      test     = "StringEquals"
      variable = "ecs:CreateAction"
      values   = ["RegisterTaskDefinition"]
    }
  }

  statement {
    sid       = "PassTheTaskRoles"
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.execution.arn, aws_iam_role.task.arn]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }

  statement {
    sid       = "RollOutToThisService"
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = [local.service_arn]
  }
}

resource "aws_iam_role_policy" "deploy" {
  name   = "push-and-deploy"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}
