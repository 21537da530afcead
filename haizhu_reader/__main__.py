from haizhu_reader.app import main

if __name__ == "__main__":  # not when a spawned process imports it (the shelf's adding)
    raise SystemExit(main())
