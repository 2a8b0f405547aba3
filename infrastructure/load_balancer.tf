locals {
  # Below the server's keep-alive (TOZO_KEEP_ALIVE), so that the load balancer, never the
  # server, closes an idle connection; otherwise a request can race the server's close and
  # get a 502.
  alb_idle_timeout_seconds = 60
}

resource "aws_lb" "this" {
  #checkov:skip=CKV2_AWS_28:Costs more than the ALB; the server rate-limits.
  name               = var.name
  load_balancer_type = "application"
  internal           = false
  subnets            = aws_subnet.public[*].id
  security_groups    = [aws_security_group.alb.id]

  drop_invalid_header_fields = true
  idle_timeout               = local.alb_idle_timeout_seconds
  enable_deletion_protection = true
  # The load balancer appends the client's address to X-Forwarded-For: the one hop that
  # TOZO_TRUSTED_PROXY_HOPS=1 tells the server to trust.
  xff_header_processing_mode = "append"

  access_logs {
    bucket  = module.log_bucket.id
    prefix  = local.alb_access_logs_prefix
    enabled = true
  }

  # Only once the bucket's policy lets the load balancer write.
  depends_on = [module.log_bucket]

  lifecycle {
    precondition {
      condition     = local.alb_idle_timeout_seconds < local.server_keep_alive_seconds
      error_message = "The load balancer's idle timeout must stay below the server's keep-alive."
    }
  }
}

resource "aws_lb_target_group" "this" {
  # TLS ends at the load balancer; the hop to the task stays inside the VPC.
  name                 = var.name
  port                 = local.container_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = aws_vpc.this.id
  deregistration_delay = 20

  health_check {
    enabled             = true
    path                = "/control/ping/"
    port                = "traffic-port"
    protocol            = "HTTP"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.tls_policy
  certificate_arn   = aws_acm_certificate_validation.this.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }
}

# One canonical host: www answers with a permanent redirect to the apex, so that cookies and
# the links in emails (TOZO_BASE_URL) always name the same origin.
resource "aws_lb_listener_rule" "this" {
  listener_arn = aws_lb_listener.https.arn
  priority     = 10

  condition {
    host_header {
      values = ["www.${var.domain_name}"]
    }
  }

  action {
    type = "redirect"

    redirect {
      host        = var.domain_name
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}
