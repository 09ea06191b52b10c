"""The soil-quality assessment engine (toetsing): pure Python, no Django."""
