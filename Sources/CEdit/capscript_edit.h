/* capscript's shim over libedit's readline interface, for the REPL.
 *
 * The REPL handles Ctrl-C itself: libedit's own signal handling is off, and
 * characters come from the REPL's reader, which ends the line when Ctrl-C is
 * pressed at the prompt. */
#ifndef CAPSCRIPT_EDIT_H
#define CAPSCRIPT_EDIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <editline/readline.h>

/* The completion hook: the word before the cursor and its bounds; returns a
 * malloc'd, NULL-terminated list (first the common prefix, then the matches)
 * or NULL. libedit frees it. */
typedef char **(*capscript_edit_completer)(const char *text, int start, int end);

/* libedit's character reader: returns a character (a Unicode code point),
 * or -1 to end the line (end of input, or a Ctrl-C the caller noticed). */
typedef int (*capscript_edit_reader)(FILE *in);

/* Reads one UTF-8 sequence from fd and decodes it to its code point; -1 at
 * end of input. Call it when fd is readable. */
static inline int capscript_edit_readchar(int fd) {
  unsigned char b;
  ssize_t n;
  while ((n = read(fd, &b, 1)) < 0 && errno == EINTR) {}
  if (n != 1) return -1;
  if (b < 0x80) return b;
  int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  if (extra == 0) return 0xFFFD;
  int cp = b & (0x3F >> extra);
  for (int i = 0; i < extra; i++) {
    while ((n = read(fd, &b, 1)) < 0 && errno == EINTR) {}
    if (n != 1) return -1;
    if ((b & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (b & 0x3F);
  }
  return cp;
}

/* Sets up libedit before the first readline: the caller's reader and
 * completion, no libedit signal handlers, words broken at Lua's operators but
 * not at '.' or ':' (so `cap.ru` completes as one word), no space after a
 * completion. */
static inline void capscript_edit_configure(const char *name, capscript_edit_completer complete,
                                            capscript_edit_reader reader) {
  rl_readline_name = name;
  rl_catch_signals = 0;
  rl_getc_function = reader;
  rl_attempted_completion_function = complete;
  rl_basic_word_break_characters = " \t\n\"'`@$><=;|&{([,+-*/%^~#)]}";
  rl_completion_append_character = '\0';
  using_history();
  stifle_history(1000);
}

/* Flushes stdout (Swift 6 cannot name the C global). */
static inline void capscript_edit_flush(void) { fflush(stdout); }

/* The line being edited (for completions that depend on what precedes the word). */
static inline const char *capscript_edit_line(void) { return rl_line_buffer; }

/* Tells libedit not to fall back to file-name completion. */
static inline void capscript_edit_completion_over(void) { rl_attempted_completion_over = 1; }

#endif
