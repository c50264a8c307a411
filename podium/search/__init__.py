"""Site search: what is found (documents.py), how text becomes search terms (terms.py),
and the index a visitor's browser downloads piece by piece (index.py)."""
