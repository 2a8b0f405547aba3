variable "aws_region" {
  description = "Region everything runs in; the bootstrap stack must have used the same one."
  type        = string
  default     = "eu-west-2"
}

variable "name" {
  description = "Name of the application: the service, task family, container, image repository and resource prefix."
  type        = string
  default     = "tozo"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.name))
    error_message = "The name must be 2 to 21 lower-case letters, digits or hyphens, starting with a letter."
  }
}

variable "environment" {
  description = "Name of this deployment: the ECS cluster's name and TOZO_ENVIRONMENT (shown in logs and Sentry)."
  type        = string
  default     = "production"
}

variable "domain_name" {
  description = "Domain the application is served on (apex and www); its hosted zone comes from the bootstrap stack."
  type        = string
  default     = "tozo.dev"
}

variable "github_repository" {
  description = "GitHub repository, as owner/name, whose main branch may deploy through the deploy role."
  type        = string
  default     = "tozo-dev/tozo"

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "Give the repository as owner/name."
  }
}

variable "github_oidc_provider_arn" {
  description = "ARN of the account's existing GitHub Actions OIDC provider, if it has one (an account may hold only one per URL); null creates it."
  type        = string
  default     = null
}

variable "container_image_digest" {
  description = "Digest (sha256:...) of the image in the registry that the first task definition runs; continuous deployment replaces it afterwards."
  type        = string

  validation {
    condition     = can(regex("^sha256:[0-9a-f]{64}$", var.container_image_digest))
    error_message = "Give an image digest such as sha256: followed by 64 hexadecimal digits, never a tag."
  }
}

variable "cpu_architecture" {
  description = "CPU architecture the image is built for: X86_64 or ARM64."
  type        = string
  default     = "X86_64"

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "The architecture must be X86_64 or ARM64."
  }
}

variable "task_cpu" {
  description = "CPU units per task (1024 = one vCPU)."
  type        = number
  default     = 256
}

variable "task_memory" {
  description = "Memory per task, in MiB; must be a size Fargate allows for task_cpu."
  type        = number
  default     = 512
}

variable "service_min_count" {
  description = "Fewest tasks the service runs; two keep the site up when one task or one zone fails."
  type        = number
  default     = 2

  validation {
    condition     = var.service_min_count >= 1
    error_message = "Run at least one task."
  }
}

variable "service_max_count" {
  description = "Most tasks autoscaling may run; bounded by the database's connection limit (see the README)."
  type        = number
  default     = 6

  validation {
    condition     = var.service_max_count >= var.service_min_count
    error_message = "The maximum must not be below the minimum."
  }
}

variable "cpu_target_percent" {
  description = "Average CPU use across tasks that autoscaling aims for."
  type        = number
  default     = 60
}

variable "vpc_cidr" {
  description = "Address range of the VPC; subnets are /26 blocks carved from its start."
  type        = string
  default     = "10.0.0.0/16"
}

variable "availability_zone_count" {
  description = "Number of availability zones with a public and a private subnet each (the load balancer and the database need two)."
  type        = number
  default     = 2

  validation {
    condition     = var.availability_zone_count >= 2 && var.availability_zone_count <= 4
    error_message = "Use between 2 and 4 availability zones."
  }
}

variable "tls_policy" {
  description = "Security policy of the HTTPS listener: TLS 1.3, with TLS 1.2 for older clients."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"

  validation {
    condition     = startswith(var.tls_policy, "ELBSecurityPolicy-TLS13-1-2-")
    error_message = "Use a policy that offers TLS 1.3 and nothing older than TLS 1.2."
  }
}

variable "database_instance_class" {
  description = "RDS instance class of the database."
  type        = string
  default     = "db.t4g.micro"
}

variable "database_engine_version" {
  description = "Major version of PostgreSQL; minor versions are upgraded automatically in the maintenance window."
  type        = string
  default     = "18"
}

variable "database_allocated_storage" {
  description = "Initial database storage, in GiB."
  type        = number
  default     = 20
}

variable "database_max_allocated_storage" {
  description = "Ceiling, in GiB, up to which RDS may grow the storage by itself."
  type        = number
  default     = 100
}

variable "database_multi_az" {
  description = "Whether RDS keeps a standby in a second zone (doubles the database's cost)."
  type        = bool
  default     = false
}

variable "database_free_storage_alarm_bytes" {
  description = "Free database storage, in bytes, below which the alarm fires."
  type        = number
  default     = 2147483648
}

variable "email_from" {
  description = "Sender of the application's emails (TOZO_EMAIL_FROM); its domain must be verified in Postmark."
  type        = string
  default     = "Tozo <help@tozo.dev>"
}

variable "postmark_dkim_selector" {
  description = "Host name Postmark gives for the DKIM record, without the domain, e.g. 20210807103031pm._domainkey."
  type        = string

  validation {
    condition     = endswith(var.postmark_dkim_selector, "._domainkey")
    error_message = "The DKIM host name ends with ._domainkey."
  }
}

variable "postmark_dkim_value" {
  description = "Value Postmark gives for the DKIM TXT record (k=rsa;p=...)."
  type        = string

  validation {
    condition     = startswith(var.postmark_dkim_value, "k=rsa;")
    error_message = "The DKIM value starts with k=rsa;."
  }
}

variable "postmark_return_path_host" {
  description = "Host name, without the domain, of the Return-Path (bounce) record that Postmark asks for."
  type        = string
  default     = "pm-bounces"
}

variable "postmark_return_path_target" {
  description = "Target of the Return-Path CNAME that Postmark asks for."
  type        = string
  default     = "pm.mtasv.net"
}

variable "frontend_sentry_dsn" {
  description = "Sentry DSN the browser reports to (TOZO_FRONTEND_SENTRY_DSN); public by nature. Null: the browser reports nothing."
  type        = string
  default     = null
}

variable "alarm_email" {
  description = "Address that receives alarm notifications; AWS sends it a confirmation link first."
  type        = string

  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+$", var.alarm_email))
    error_message = "Give an email address."
  }
}

variable "alb_5xx_alarm_percent" {
  description = "Share of requests, in percent, answered with a 5xx over five minutes that raises the alarm (and rolls back a deploy in progress)."
  type        = number
  default     = 5
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the application's and the database's logs; request logs hold client addresses, so keep this short."
  type        = number
  default     = 90
}
