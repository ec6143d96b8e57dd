;;; :std/os/temporaries -- temporary file names (doc/reference/std/os/temporaries.md in the
;;; Gerbil repository): make-temporary-file-name and call-with-temporary-file-name.
;;;
;;; A name is /tmp/NAME- and the host clock in nanoseconds, never the same twice in a machine
;;; and never a file that exists already. The clock is the host's, so names differ between runs,
;;; controlled or not: a program that prints one is not replayed byte for byte.

(export make-temporary-file-name call-with-temporary-file-name)

(def (make-temporary-file-name name)
  (unless (string? name) (error "make-temporary-file-name: string expected" name))
  (let loop ()
    (let (path (string-append "/tmp/" name "-" (number->string (##temporary-file-suffix))))
      (if (file-exists? path) (loop) path))))

;; fun gets the name; the file, if fun made one, is deleted however fun exits.
(def (call-with-temporary-file-name name fun)
  (let (path (make-temporary-file-name name))
    (dynamic-wind
      (lambda () (void))
      (lambda () (fun path))
      (lambda () (when (file-exists? path) (delete-file path))))))
