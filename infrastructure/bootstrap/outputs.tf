output "backend_config" {
  description = "Contents for ../backend.hcl: where the main stack keeps its state."
  value       = <<-EOT
    bucket = "${module.state_bucket.id}"
    region = "${var.aws_region}"
  EOT
}

output "name_servers" {
  description = "Name servers to set at the domain's registrar before applying the main stack."
  value       = aws_route53_zone.this.name_servers
}

output "zone_id" {
  description = "ID of the public hosted zone."
  value       = aws_route53_zone.this.zone_id
}

output "repository_url" {
  description = "Where the first image is pushed before the main stack is applied."
  value       = aws_ecr_repository.this.repository_url
}
