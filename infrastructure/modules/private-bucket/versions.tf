# Terraform's own minimum is the calling stacks' to set; this module needs nothing newer.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}
