# Bucket and region come from backend.hcl (see backend.hcl.example), written from the
# bootstrap stack's output: `terraform init -backend-config=backend.hcl`.
terraform {
  backend "s3" {
    key          = "tozo/production.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}
