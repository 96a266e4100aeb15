from kcn_tracker.cli import main

main()
