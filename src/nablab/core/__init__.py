"""The symbolic core: the :class:`Expression` type, nablab's own functions, printing."""
