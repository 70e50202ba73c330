"""`strongid`: Finnish strong electronic identification over OpenID Connect."""
