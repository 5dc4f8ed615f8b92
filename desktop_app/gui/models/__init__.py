"""Qt item models over the services: they hold what a screen shows and nothing more."""
