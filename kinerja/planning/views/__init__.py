"""HTML pages of planning (SKP): parse → authorize (permissions.py) → services/selectors → render."""
