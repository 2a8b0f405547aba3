variable "aws_region" {
  description = "Region for the state bucket and the image registry; the main stack must use the same one."
  type        = string
  default     = "eu-west-2"
}

variable "name" {
  description = "Name of the application: the image repository and the prefix of the state bucket."
  type        = string
  default     = "tozo"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.name))
    error_message = "The name must be 2 to 31 lower-case letters, digits or hyphens, starting with a letter."
  }
}

variable "domain_name" {
  description = "Domain the application is served on; a public hosted zone is created for it."
  type        = string
  default     = "tozo.dev"
}

variable "images_kept" {
  description = "How many tagged images the registry keeps, newest first: the deploys that can still be rolled back to."
  type        = number
  default     = 50

  validation {
    condition     = var.images_kept >= 10
    error_message = "Keep at least 10 images so that recent deploys stay re-runnable."
  }
}
