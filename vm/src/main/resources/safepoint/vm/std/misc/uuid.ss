;;; :std/misc/uuid -- UUIDs (doc/reference/std/misc/uuid.md in the Gerbil repository): the
;;; UUID converter, uuid-length, make-uuid, uuid?, uuid=?, uuid-hash, the u8vector and string
;;; conversions and random-uuid. A uuid holds its 16 bytes and, once made, its text.

(import :std/text/hex)
(export UUID uuid-length make-uuid uuid? uuid=? uuid-hash uuid->u8vector u8vector->uuid
        uuid->string string->uuid random-uuid)

(def uuid-length 16)

(defstruct uuid (bytes text))

(def (make-uuid vec str) (uuid vec str))

(def (uuid=? u1 u2) (equal? (uuid-bytes u1) (uuid-bytes u2)))
(def (uuid-hash u) (equal-hash (uuid-bytes u)))
(def (uuid->u8vector u) (u8vector-copy (uuid-bytes u)))

(def (u8vector->uuid vec)
  (unless (and (u8vector? vec) (= (u8vector-length vec) uuid-length))
    (error "u8vector->uuid: a u8vector of 16 bytes expected" vec))
  (uuid (u8vector-copy vec) #f))

;; 8-4-4-4-12 hex digits.
(def (uuid->string u)
  (or (uuid-text u)
      (let* ((h (hex-encode (uuid-bytes u)))
             (s (string-append (substring h 0 8) "-" (substring h 8 12) "-" (substring h 12 16) "-"
                               (substring h 16 20) "-" (substring h 20 32))))
        (uuid-text-set! u s)
        s)))

(def (string->uuid str)
  (unless (and (string? str) (= (string-length str) 36)
               (andmap (lambda (i) (eqv? (string-ref str i) #\-)) '(8 13 18 23)))
    (error "string->uuid: malformed UUID" str))
  (let (digits (list->string (filter (lambda (c) (not (eqv? c #\-))) (string->list str))))
    (unless (= (string-length digits) 32) (error "string->uuid: malformed UUID" str))
    (uuid (with-catch (lambda (e) (error "string->uuid: malformed UUID" str)) (lambda () (hex-decode digits)))
          (string-downcase str))))

(def (random-uuid)
  (let (bytes (make-u8vector uuid-length))
    (let loop ((i 0)) (when (< i uuid-length) (u8vector-set! bytes i (random-integer 256)) (loop (+ i 1))))
    (uuid bytes #f)))

(def (UUID x)
  (cond ((uuid? x) x)
        ((string? x) (string->uuid x))
        ((u8vector? x) (u8vector->uuid x))
        ((symbol? x) (string->uuid (symbol->string x)))
        (else (error "UUID: a uuid, string, u8vector or symbol expected" x))))
