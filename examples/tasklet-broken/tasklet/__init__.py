"""A deliberately broken slice of tasklet."""
