// Work in progress: TerminalUI
