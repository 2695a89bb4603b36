"""Credibility scoring: features from signals, a calibrated linear model, training and evaluation."""
