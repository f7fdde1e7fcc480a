#include <stdio.h>
#include <unistd.h>

int main(void) {
    printf("Hola desde una imagen multietapa (usuario %d)\n", (int) getuid());
    return 0;
}
