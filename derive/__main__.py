from derive.interfaces.cli import main

raise SystemExit(main())
