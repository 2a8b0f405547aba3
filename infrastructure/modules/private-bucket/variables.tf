variable "name" {
  description = "Name of the bucket; unique across all of S3, so it usually carries the account ID."
  type        = string
}

variable "sse_algorithm" {
  description = "Default encryption of new objects: aws:kms (the AWS managed key aws/s3, with a bucket key) or AES256 (S3-managed keys, for writers that support nothing else, such as load balancer access logs)."
  type        = string
  default     = "aws:kms"

  validation {
    condition     = contains(["aws:kms", "AES256"], var.sse_algorithm)
    error_message = "The encryption must be aws:kms or AES256."
  }
}

variable "lifecycle_rule_id" {
  description = "Name of the bucket's lifecycle rule, as the console and the API show it."
  type        = string
}

variable "expiration_days" {
  description = "Days after which an object expires (its version becomes noncurrent); null keeps objects until they are deleted."
  type        = number
  default     = null

  validation {
    condition     = var.expiration_days == null || try(var.expiration_days >= 1, false)
    error_message = "Objects must be kept at least one day."
  }
}

variable "noncurrent_version_expiration_days" {
  description = "Days a replaced or deleted object's previous version is kept before it is deleted for good."
  type        = number

  validation {
    condition     = var.noncurrent_version_expiration_days >= 1
    error_message = "Previous versions must be kept at least one day."
  }
}

variable "policy_documents" {
  description = "IAM policy documents (JSON) whose statements join the bucket policy: who besides the account's own IAM principals may write. Their statements need unique sids."
  type        = list(string)
  default     = []
}
