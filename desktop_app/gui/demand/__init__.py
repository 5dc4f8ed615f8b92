"""Demand creation: the lead inbox and the marketing agenda."""
