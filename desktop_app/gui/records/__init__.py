"""The pages of a person and of a company, each a window of its own, and the list of
everyone the book holds."""
