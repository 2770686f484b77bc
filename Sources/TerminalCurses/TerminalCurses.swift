// Work in progress: TerminalCurses
