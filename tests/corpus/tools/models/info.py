"""placeholder"""
MODELS = {}
