from haizhu_reader.app import main

raise SystemExit(main())
