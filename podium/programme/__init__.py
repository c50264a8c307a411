"""Reading and checking data/ into the `Programme`: every mistake reported at once.

`check.check_project` is the way in; `model` holds the types every output reads;
`addresses` says where each part of the programme is published.
"""
