"""Check a learner's work: an answer or a derivation against the task, the slip named."""
