"""Callbacks of the Epilepsy12 audit pages: save an answer, add or remove a row, register."""
