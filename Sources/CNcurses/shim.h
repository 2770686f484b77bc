#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

// Wide-character ncurses: must be defined before <ncurses.h> so that cchar_t, get_wch and
// setcchar are declared.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <ncurses.h>
#include <term.h>

// Swift cannot import function-like macros; these wrap the ones the backend needs.
static inline int cnc_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline int cnc_colors(void) { return COLORS; }
static inline int cnc_color_pairs(void) { return COLOR_PAIRS; }
static inline void cnc_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline attr_t cnc_a_normal(void) { return A_NORMAL; }
static inline attr_t cnc_a_bold(void) { return A_BOLD; }
static inline attr_t cnc_a_dim(void) { return A_DIM; }
static inline attr_t cnc_a_italic(void) { return A_ITALIC; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cnc_a_reverse(void) { return A_REVERSE; }
static inline mmask_t cnc_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t cnc_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline mmask_t cnc_button4_pressed(void) { return BUTTON4_PRESSED; }
#if defined(BUTTON5_PRESSED)
static inline mmask_t cnc_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t cnc_button5_pressed(void) { return 0; }
#endif
static inline int cnc_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cnc_key_f(int n) { return KEY_F(n); }
static inline int cnc_err(void) { return ERR; }
static inline int cnc_ok(void) { return OK; }
static inline mmask_t cnc_button1_pressed(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }
static inline mmask_t cnc_button3_pressed(void) { return BUTTON3_PRESSED | BUTTON3_CLICKED; }
static inline mmask_t cnc_click_and_wheel_events(void) {
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON3_PRESSED | BUTTON3_CLICKED | cnc_button4_pressed() | cnc_button5_pressed();
}
static inline WINDOW *cnc_curscr(void) { return curscr; }
static inline int cnc_ccharw_max(void) { return CCHARW_MAX; }

// The C library's width of a character, which is what ncurses uses to lay out a line. Declared
// here because glibc hides it unless _XOPEN_SOURCE was set before <wchar.h> was first included.
extern int wcwidth(wchar_t c);
static inline int cnc_wcwidth(wchar_t c) { return wcwidth(c); }

// Whether the terminal has an alternate screen (terminfo `smcup`), which keeps the shell's
// screen under a full-screen program. The Linux console has none.
static inline int cnc_has_alternate_screen(void) {
    const char *enter = tigetstr((char *)"smcup");
    return enter != NULL && enter != (char *)-1 && enter[0] != 0;
}

// A terminfo string capability of the current terminal, or NULL when it has none.
static inline const char *cnc_terminfo_string(const char *name) {
    const char *value = tigetstr((char *)name);
    return (value == NULL || value == (char *)-1 || value[0] == 0) ? NULL : value;
}

// A terminfo boolean capability of the current terminal.
static inline int cnc_terminfo_flag(const char *name) { return tigetflag((char *)name) > 0; }

// Loads TERM's terminfo entry without taking a terminal (a test formats strings with it).
static inline int cnc_load_terminfo(const char *term) { int error = 0; return setupterm((char *)term, -1, &error); }

// A UTF-8 locale for uselocale(), where the C library's widths must be those of a UTF-8 terminal.
static inline locale_t cnc_utf8_locale(void) { return newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0); }

// A parameterised terminfo string with one or two numbers (tiparm is variadic, which Swift cannot call).
static inline const char *cnc_tiparm1(const char *format, int a) { return tiparm(format, a); }
static inline const char *cnc_tiparm2(const char *format, int a, int b) { return tiparm(format, a, b); }

// newterm on the process's own stdin/stdout; Swift 6 cannot touch the `stdin`/`stdout` globals.
static inline SCREEN *cnc_newterm(const char *term) { return newterm(term, stdout, stdin); }

// The terminal size from the kernel (works while curses is suspended, unlike LINES/COLS).
static inline int cnc_terminal_size(int *rows, int *cols) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
    *rows = size.ws_row;
    *cols = size.ws_col;
    return 0;
}

// Restoring the terminal on fatal signals and at exit. endwin() is not strictly
// async-signal-safe, but it is what every curses program does here: the alternative is leaving
// the user's shell in raw mode with no echo. After restoring, the signal is re-raised with its
// default action, so the process ends "killed by signal" and the shell reports 128+signal.
static inline void cnc_restore_terminal(void) {
    if (!isendwin()) {
        ssize_t ignored = write(STDOUT_FILENO, "\033[?2004l", 8);  // bracketed paste off
        (void)ignored;
        endwin();
    }
}

static inline void cnc_restore_and_reraise(int sig) {
    cnc_restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void cnc_install_restore_handlers(void) {
    int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
    sigset_t unblock;
    sigemptyset(&unblock);
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0;
        action.sa_handler = cnc_restore_and_reraise;
        sigaction(signals[i], &action, NULL);
        sigaddset(&unblock, signals[i]);
    }
    // A parent can hand down a blocked signal mask (some test runners and process launchers
    // do); the terminal cannot be restored, resized or resumed through signals that never
    // arrive, so unblock the ones this backend depends on.
    sigaddset(&unblock, SIGWINCH);
    sigaddset(&unblock, SIGTSTP);
    sigaddset(&unblock, SIGCONT);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
}

// Restoring the terminal when the process crashes (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT,
// SIGTRAP). Unlike the handlers above, this one runs in a process that may be broken (a heap
// corrupted, a lock held), so it only does what is async-signal-safe: write(2) of bytes computed
// at start-up (mouse off, attributes off, keypad off, cursor on, leave the alternate screen),
// tcsetattr(3) with the modes saved before curses changed them, a one-line note written to a
// file descriptor opened at start-up, then the signal again with its default action. It runs on
// its own stack, so a stack overflow can still restore the terminal.
struct cnc_crash_state {
    struct termios modes;
    int has_modes;
    char bytes[512];
    size_t length;
    int log;
    char stack[1 << 16];
};

// The state lives in a function-local static: a header's file-scope statics are not emitted
// when the header is imported into Swift. Zero-initialised, so no lazy-initialisation guard.
static inline struct cnc_crash_state *cnc_crash(void) {
    static struct cnc_crash_state state;
    return &state;
}

static inline void cnc_crash_append(const char *text) {
    if (text == NULL || text == (char *)-1) return;
    struct cnc_crash_state *state = cnc_crash();
    size_t length = strlen(text);
    if (state->length + length >= sizeof state->bytes) return;
    memcpy(state->bytes + state->length, text, length);
    state->length += length;
}

static inline void cnc_crash_handler(int sig) {
    struct cnc_crash_state *state = cnc_crash();
    if (state->length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, state->bytes, state->length);
        (void)ignored;
    }
    if (state->has_modes) tcsetattr(STDIN_FILENO, TCSANOW, &state->modes);
    if (state->log >= 0) {
        char note[64] = "shop: crashed with signal ";
        size_t length = strlen(note);
        char digits[12];
        int count = 0;
        unsigned value = (unsigned)sig;
        do { digits[count++] = (char)('0' + value % 10); value /= 10; } while (value > 0 && count < 11);
        while (count > 0) note[length++] = digits[--count];
        note[length++] = '\n';
        ssize_t ignored = write(state->log, note, length);
        (void)ignored;
    }
    // SA_RESETHAND put the default action back; SA_NODEFER lets it be delivered now.
    signal(sig, SIG_DFL);
    raise(sig);
}

// Before curses changes anything: the modes to put back.
static inline void cnc_crash_save_modes(void) {
    struct cnc_crash_state *state = cnc_crash();
    state->has_modes = tcgetattr(STDIN_FILENO, &state->modes) == 0;
}

// After newterm (terminfo is loaded): the restore bytes, the crash note's file (or -1), and the
// handlers on an alternate stack.
static inline void cnc_crash_install(int log_descriptor) {
    struct cnc_crash_state *state = cnc_crash();
    state->length = 0;
    cnc_crash_append("\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?2004l");
    cnc_crash_append(tigetstr("sgr0"));
    cnc_crash_append(tigetstr("rmkx"));
    cnc_crash_append(tigetstr("cnorm"));
    cnc_crash_append(tigetstr("rmcup"));
    state->log = log_descriptor;
    stack_t stack;
    stack.ss_sp = state->stack;
    stack.ss_size = sizeof state->stack;
    stack.ss_flags = 0;
    sigaltstack(&stack, NULL);
    int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    sigset_t unblock;
    sigemptyset(&unblock);
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_ONSTACK | SA_RESETHAND | SA_NODEFER;
        action.sa_handler = cnc_crash_handler;
        sigaction(signals[i], &action, NULL);
        sigaddset(&unblock, signals[i]);
    }
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
}

// The terminal is given back normally: a later crash has nothing to restore.
static inline void cnc_crash_disarm(void) {
    cnc_crash()->length = 0;
    cnc_crash()->has_modes = 0;
}

static inline void cnc_register_atexit_restore(void) {
    atexit(cnc_restore_terminal);
}

// Stops the process as Ctrl-Z would in cooked mode (the caller has already called endwin),
// returning when it is continued (SIGCONT). The previous SIGTSTP disposition, usually ncurses'
// own handler, is put back afterwards.
static inline void cnc_stop_self(void) {
    struct sigaction previous, standard;
    sigemptyset(&standard.sa_mask);
    standard.sa_flags = 0;
    standard.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &standard, &previous);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    raise(SIGTSTP);
    sigaction(SIGTSTP, &previous, NULL);
}

// SIGWINCH as a byte on a pipe, so a thread waiting in poll(2) for input also wakes for a
// resize whichever thread the signal lands on. Installed before newterm, so ncurses keeps its
// own handler out and the backend calls resizeterm itself.
static int cnc_winch_fd = -1;

static inline void cnc_winch_to_pipe(int sig) {
    (void)sig;
    if (cnc_winch_fd >= 0) {
        char byte = 1;
        ssize_t written = write(cnc_winch_fd, &byte, 1);
        (void)written;
    }
}

static inline void cnc_install_winch_pipe(int fd) {
    cnc_winch_fd = fd;
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    action.sa_handler = cnc_winch_to_pipe;
    sigaction(SIGWINCH, &action, NULL);
}

#endif
