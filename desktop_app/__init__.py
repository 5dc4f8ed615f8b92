"""Tandem: a desktop CRM for one-person businesses that do marketing and sales themselves."""

__version__ = "0.1.0"
