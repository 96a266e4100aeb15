"""Vietnamese text, knowing nothing of plans: notation (reading numbers), display
(writing them), spelling, sentences, offsets."""
