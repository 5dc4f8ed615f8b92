"""Deal conversion: today's agenda and the open pipeline."""
