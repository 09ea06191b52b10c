"""Rules of the soil-flow passport (MvB, notifications, chain of custody): pure Python."""
