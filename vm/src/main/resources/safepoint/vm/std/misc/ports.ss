;;; :std/misc/ports -- port utilities (doc/reference/std/misc/ports.md in the Gerbil repository):
;;; copy-port, the read-all-as-... readers, the read-file-... and write-file-... helpers,
;;; force-current-outputs, writeln, output-contents, call-with-output/with-output,
;;; call-with-input/with-input, char-port-eof?, and the ports' destroy method (close-port).
;;;
;;; Port settings are Gambit's (a list such as [append: #t]); a file port has bytes and
;;; characters both, so copy-port copies bytes when both ports have them (a file's bytes stay
;;; as they were, UTF-8 or not) and characters otherwise.

(export copy-port read-all-as-string read-all-as-lines read-all-as-u8vector
        read-file-string read-file-lines read-file-u8vector write-file-string write-file-lines
        force-current-outputs writeln output-contents call-with-output with-output
        call-with-input with-input char-port-eof?)

(def %chunk 8192)

(def (%check-ports who in out)
  (unless (input-port? in) (error (string-append who ": input port expected") in))
  (unless (output-port? out) (error (string-append who ": output port expected") out)))

(def (copy-port in out)
  (%check-ports "copy-port" in out)
  (if (and (binary-port? in) (binary-port? out))
    (let loop ()
      (let (b (read-bytevector %chunk in))
        (unless (eof-object? b) (write-bytevector b out) (loop))))
    (let loop ()
      (let (s (read-string %chunk in))
        (unless (eof-object? s) (write-string s out) (loop))))))

(def (read-all-as-string in)
  (let (s (read-line in #f))
    (if (eof-object? s) "" s)))

(def (read-all-as-lines in separator: (separator #\newline) include-separator?: (include? #f))
  (let loop ((acc '()))
    (let (line (read-line in separator include?))
      (if (eof-object? line) (reverse acc) (loop (cons line acc))))))

(def (read-all-as-u8vector in (bufsize %chunk))
  (unless (and (exact-integer? bufsize) (> bufsize 0)) (error "read-all-as-u8vector: positive buffer size expected" bufsize))
  (let loop ((acc '()))
    (let (b (read-bytevector bufsize in))
      (if (eof-object? b) (apply bytevector-append (reverse acc)) (loop (cons b acc))))))

;; A file and its settings as Gambit's open procedures take them.
(def (%file-spec path settings)
  (if (null? settings) path (cons* path: path settings)))

(def (read-file-string path settings: (settings '()))
  (call-with-input-file (%file-spec path settings) read-all-as-string))

(def (read-file-lines path settings: (settings '()))
  (call-with-input-file (%file-spec path settings) read-all-as-lines))

(def (read-file-u8vector path settings: (settings '()) bufsize: (bufsize %chunk))
  (call-with-input-file (%file-spec path settings) (lambda (in) (read-all-as-u8vector in bufsize))))

;; newline-ending: a newline after the text unless it already ends with one.
(def (%ending text newline-ending? out)
  (when (and newline-ending?
             (let (n (string-length text)) (or (= n 0) (not (eqv? (string-ref text (- n 1)) #\newline)))))
    (newline out)))

(def (write-file-string file string settings: (settings '()) newline-ending: (newline-ending? #t))
  (call-with-output-file (%file-spec file settings)
    (lambda (out)
      (display string out)
      (%ending (if (string? string) string (with-output-to-string (lambda () (display string)))) newline-ending? out))))

(def (write-file-lines file lines settings: (settings '()) newline-ending: (newline-ending? #t))
  (call-with-output-file (%file-spec file settings)
    (lambda (out)
      (let loop ((l lines))
        (when (pair? l)
          (display (car l) out)
          (cond ((pair? (cdr l)) (newline out))
                (else (%ending (with-output-to-string (lambda () (display (car l)))) newline-ending? out)))
          (loop (cdr l)))))))

(def (force-current-outputs)
  (force-output (current-output-port))
  (force-output (current-error-port)))

(def (writeln obj (port (current-output-port)))
  (write obj port)
  (newline port))

(def (output-contents contents (port (current-output-port)))
  (cond ((string? contents) (display contents port))
        ((u8vector? contents) (write-bytevector contents port))
        ((procedure? contents) (contents port))
        (else (error "output-contents: a string, u8vector or procedure expected" contents))))

(def (call-with-output spec contents)
  (cond ((output-port? spec) (output-contents contents spec))
        ((not spec) (call-with-output-string (lambda (port) (output-contents contents port))))
        ((eq? spec #t) (output-contents contents (current-output-port)))
        ((or (string? spec) (pair? spec)) (call-with-output-file spec (lambda (port) (output-contents contents port))))
        (else (error "call-with-output: invalid output designator" spec))))

(defrules with-output ()
  ((_ (o spec) body ...) (call-with-output spec (lambda (o) body ...)))
  ((_ (o) body ...) (call-with-output o (lambda (o) body ...))))

(def (call-with-input spec f)
  (cond ((input-port? spec) (f spec))
        ((eq? spec #t) (f (current-input-port)))
        ((string? spec) (call-with-input-string spec f))
        ((u8vector? spec) (f (open-input-bytevector spec)))
        ((pair? spec) (call-with-input-file spec f))
        (else (error "call-with-input: invalid input designator" spec))))

(defrules with-input ()
  ((_ (i spec) body ...) (call-with-input spec (lambda (i) body ...)))
  ((_ (i) body ...) (call-with-input i (lambda (i) body ...))))

(def (char-port-eof? port) (eof-object? (peek-char port)))

;; with-destroy closes a port (the page's "Port Destructor").
(defmethod {destroy port} close-port)
