"""The coach's side of plans: templates, assignments, edits to an athlete's week, the dashboard."""
