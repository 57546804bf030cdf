result = { script = arg[0], first = arg[1], count = select("#", ...), second = select(2, ...) }
