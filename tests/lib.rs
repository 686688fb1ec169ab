//! Integration tests of status-codes live beside this file; the library itself is empty.
