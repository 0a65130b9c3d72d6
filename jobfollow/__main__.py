from jobfollow.app import main

raise SystemExit(main())
